package eu.vigil.core.signing;

import java.math.BigInteger;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The Ed25519 group (RFC 8032 §5.1) over Bouncy Castle's constant-time field arithmetic mod
 * 2^255 − 19, as far as streaming PureEdDSA needs it: scalar multiplication, point encoding and
 * decoding, and scalar reduction mod L.
 *
 * <p>Why not Bouncy Castle's own Ed25519: it (like the JDK's) takes the message as one array,
 * while a release package can be larger than memory. PureEdDSA hashes the message inside the
 * signature algorithm, so streaming needs the group operations, which Bouncy Castle keeps private.
 *
 * <p>Points use extended coordinates (X:Y:Z:T) with the complete addition and doubling formulas for
 * a = −1 (Hisil–Wong–Carter–Dawson 2008), and scalar multiplication is a Montgomery ladder with
 * masked swaps: its timing does not depend on the scalar. Field limbs are carried after every
 * addition and subtraction, so that every multiplication gets inputs well inside its bounds.
 */
final class Ed25519Group {

    /** The order of the base point, 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private static final int[] D = curveConstant();
    private static final int[] TWO_D = twice(D);
    private static final Point BASE = basePoint();

    private Ed25519Group() {
    }

    /** A point in extended coordinates; mutable scratch, never shared. */
    static final class Point {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t = X25519Field.create();

        static Point identity() {
            Point point = new Point();
            X25519Field.one(point.y);
            X25519Field.one(point.z);
            return point;
        }

        Point copy() {
            Point copy = new Point();
            X25519Field.copy(x, 0, copy.x, 0);
            X25519Field.copy(y, 0, copy.y, 0);
            X25519Field.copy(z, 0, copy.z, 0);
            X25519Field.copy(t, 0, copy.t, 0);
            return copy;
        }
    }

    /** [scalar]B for a 32-byte little-endian scalar, in time independent of the scalar. */
    static Point multiplyBase(byte[] scalar) {
        return multiply(scalar, BASE);
    }

    /** [scalar]P for a 32-byte little-endian scalar, in time independent of the scalar. */
    static Point multiply(byte[] scalar, Point point) {
        Point r0 = Point.identity();
        Point r1 = point.copy();
        Point sum = new Point();
        int swapped = 0;
        for (int bit = 255; bit >= 0; bit--) {
            int b = (scalar[bit >>> 3] >>> (bit & 7)) & 1;
            swap(swapped ^ b, r0, r1);
            swapped = b;
            add(r0, r1, sum);
            Point previous = r1;
            r1 = sum;
            sum = previous;
            doubled(r0);
        }
        swap(swapped, r0, r1);
        return r0;
    }

    /** r = p + q (p, q and r distinct). */
    static void add(Point p, Point q, Point r) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] d = X25519Field.create();
        int[] e = X25519Field.create();
        int[] f = X25519Field.create();
        int[] g = X25519Field.create();
        int[] h = X25519Field.create();
        sub(p.y, p.x, e);
        sub(q.y, q.x, f);
        X25519Field.mul(e, f, a);
        add(p.y, p.x, e);
        add(q.y, q.x, f);
        X25519Field.mul(e, f, b);
        X25519Field.mul(p.t, TWO_D, e);
        X25519Field.mul(e, q.t, c);
        X25519Field.mul(p.z, q.z, e);
        add(e, e, d);
        sub(b, a, e);
        sub(d, c, f);
        add(d, c, g);
        add(b, a, h);
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(g, h, r.y);
        X25519Field.mul(e, h, r.t);
        X25519Field.mul(f, g, r.z);
    }

    /** p = 2p. */
    static void doubled(Point p) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] e = X25519Field.create();
        int[] f = X25519Field.create();
        int[] g = X25519Field.create();
        int[] h = X25519Field.create();
        X25519Field.sqr(p.x, a);
        X25519Field.sqr(p.y, b);
        X25519Field.sqr(p.z, c);
        add(c, c, c);
        add(p.x, p.y, e);
        X25519Field.sqr(e, e);
        sub(e, a, e);
        sub(e, b, e);           // E = (X + Y)² − A − B
        sub(b, a, g);           // G = −A + B
        sub(g, c, f);           // F = G − C
        add(a, b, h);
        X25519Field.negate(h, h);
        X25519Field.carry(h);   // H = −A − B
        X25519Field.mul(e, f, p.x);
        X25519Field.mul(g, h, p.y);
        X25519Field.mul(e, h, p.t);
        X25519Field.mul(f, g, p.z);
    }

    /** −p. */
    static Point negate(Point p) {
        Point r = p.copy();
        X25519Field.negate(r.x, r.x);
        X25519Field.carry(r.x);
        X25519Field.negate(r.t, r.t);
        X25519Field.carry(r.t);
        return r;
    }

    /** The 32-byte encoding of RFC 8032 §5.1.2: y, with the low bit of x in the top bit. */
    static byte[] encode(Point p) {
        int[] inverse = X25519Field.create();
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        X25519Field.inv(p.z, inverse);
        X25519Field.mul(p.x, inverse, x);
        X25519Field.mul(p.y, inverse, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] encoded = new byte[32];
        X25519Field.encode(y, encoded, 0);
        encoded[31] |= (byte) ((x[0] & 1) << 7);
        return encoded;
    }

    /**
     * Decodes a point (RFC 8032 §5.1.3), or returns null when the bytes encode none: y not below
     * p, no square root for x, or x = 0 with the sign bit set.
     */
    static Point decode(byte[] encoded) {
        if (encoded.length != 32 || !isCanonicalY(encoded)) {
            return null;
        }
        int sign = (encoded[31] >>> 7) & 1;
        byte[] yBytes = encoded.clone();
        yBytes[31] &= 0x7F;
        Point p = new Point();
        X25519Field.decode(yBytes, 0, p.y);
        int[] y2 = X25519Field.create();
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(p.y, y2);
        X25519Field.mul(y2, D, v);
        X25519Field.addOne(v);
        X25519Field.carry(v);       // v = d·y² + 1
        X25519Field.copy(y2, 0, u, 0);
        X25519Field.subOne(u);
        X25519Field.carry(u);       // u = y² − 1
        if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
            return null;
        }
        X25519Field.normalize(p.x);
        if (X25519Field.isZeroVar(p.x) && sign == 1) {
            return null;
        }
        if ((p.x[0] & 1) != sign) {
            X25519Field.negate(p.x, p.x);
            X25519Field.carry(p.x);
        }
        X25519Field.one(p.z);
        X25519Field.mul(p.x, p.y, p.t);
        return p;
    }

    /** The 64-byte little-endian hash reduced mod L, as a 32-byte little-endian scalar. */
    static byte[] reduce(byte[] littleEndian) {
        return toLittleEndian(new BigInteger(1, reversed(littleEndian)).mod(ORDER));
    }

    static BigInteger toInteger(byte[] littleEndian) {
        return new BigInteger(1, reversed(littleEndian));
    }

    static byte[] toLittleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] result = new byte[32];
        for (int index = 0; index < 32 && index < bigEndian.length; index++) {
            result[index] = bigEndian[bigEndian.length - 1 - index];
        }
        return result;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] result = new byte[bytes.length];
        for (int index = 0; index < bytes.length; index++) {
            result[index] = bytes[bytes.length - 1 - index];
        }
        return result;
    }

    /** y (the low 255 bits) is below p = 2^255 − 19. */
    private static boolean isCanonicalY(byte[] encoded) {
        if ((encoded[31] & 0x7F) != 0x7F) {
            return true;
        }
        for (int index = 30; index >= 1; index--) {
            if (encoded[index] != (byte) 0xFF) {
                return true;
            }
        }
        return (encoded[0] & 0xFF) < 0xED;
    }

    private static void swap(int swap, Point a, Point b) {
        X25519Field.cswap(swap, a.x, b.x);
        X25519Field.cswap(swap, a.y, b.y);
        X25519Field.cswap(swap, a.z, b.z);
        X25519Field.cswap(swap, a.t, b.t);
    }

    private static void add(int[] a, int[] b, int[] r) {
        X25519Field.add(a, b, r);
        X25519Field.carry(r);
    }

    private static void sub(int[] a, int[] b, int[] r) {
        X25519Field.sub(a, b, r);
        X25519Field.carry(r);
    }

    /** d = −121665 / 121666. */
    private static int[] curveConstant() {
        int[] denominator = X25519Field.create();
        denominator[0] = 121666;
        int[] inverse = X25519Field.create();
        X25519Field.inv(denominator, inverse);
        int[] d = X25519Field.create();
        X25519Field.mul(inverse, 121665, d);
        X25519Field.negate(d, d);
        X25519Field.carry(d);
        X25519Field.normalize(d);
        return d;
    }

    private static int[] twice(int[] value) {
        int[] result = X25519Field.create();
        add(value, value, result);
        return result;
    }

    /** B: y = 4/5 and x even (RFC 8032 §5.1). */
    private static Point basePoint() {
        int[] five = X25519Field.create();
        five[0] = 5;
        int[] y = X25519Field.create();
        X25519Field.inv(five, y);
        X25519Field.mul(y, 4, y);
        X25519Field.normalize(y);
        byte[] encoded = new byte[32];
        X25519Field.encode(y, encoded, 0);
        Point base = decode(encoded);
        if (base == null) {
            throw new IllegalStateException("Ed25519 base point");
        }
        return base;
    }
}

package eu.vigil.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashChainTests {

    @Test
    void encodingKeepsFieldBordersApart() {
        byte[] ab = new CanonicalRecord().string("ab").string("c").toByteArray();
        byte[] a = new CanonicalRecord().string("a").string("bc").toByteArray();
        byte[] nullString = new CanonicalRecord().string(null).toByteArray();
        byte[] emptyString = new CanonicalRecord().string("").toByteArray();
        assertThat(ab).isNotEqualTo(a);
        assertThat(nullString).isNotEqualTo(emptyString);
    }

    @Test
    void eachLinkDependsOnThePreviousHashAndTheRecord() {
        HashChain chain = new HashChain("test");
        CanonicalRecord first = new CanonicalRecord().number(1).string("login");
        byte[] h1 = chain.link(HashChain.genesis(), first);
        CanonicalRecord second = new CanonicalRecord().number(2).string("logout");
        byte[] h2 = chain.link(h1, second);
        assertThat(chain.verify(h1, second, h2)).isTrue();
        assertThat(chain.verify(HashChain.genesis(), second, h2)).isFalse();
        assertThat(chain.verify(h1, new CanonicalRecord().number(2).string("logouT"), h2)).isFalse();
        assertThat(new HashChain("other").link(HashChain.genesis(), first)).isNotEqualTo(h1);
    }
}

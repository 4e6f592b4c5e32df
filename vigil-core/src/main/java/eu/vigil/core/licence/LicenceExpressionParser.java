package eu.vigil.core.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/** Recursive descent over the tokens of an SPDX licence expression. */
final class LicenceExpressionParser {

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int next;
    private int depth;

    LicenceExpressionParser(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("licence expression: empty");
        }
        if (text.length() > LicenceExpression.MAX_LENGTH) {
            throw new InvalidInputException("licence expression: longer than " + LicenceExpression.MAX_LENGTH
                    + " characters");
        }
        this.text = text;
        tokenize();
    }

    LicenceExpression parse() {
        LicenceExpression expression = or();
        if (next < tokens.size()) {
            throw error("unexpected '" + tokens.get(next) + "'");
        }
        return expression;
    }

    private LicenceExpression or() {
        List<LicenceExpression> terms = new ArrayList<>();
        terms.add(and());
        while (isOperator("OR")) {
            next++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new LicenceExpression.Or(terms);
    }

    private LicenceExpression and() {
        List<LicenceExpression> terms = new ArrayList<>();
        terms.add(with());
        while (isOperator("AND")) {
            next++;
            terms.add(with());
        }
        return terms.size() == 1 ? terms.get(0) : new LicenceExpression.And(terms);
    }

    private LicenceExpression with() {
        if (next < tokens.size() && tokens.get(next).equals("(")) {
            if (++depth > LicenceExpression.MAX_DEPTH) {
                throw error("nested deeper than " + LicenceExpression.MAX_DEPTH + " parentheses");
            }
            next++;
            LicenceExpression inner = or();
            if (next >= tokens.size() || !tokens.get(next).equals(")")) {
                throw error("expected ')'");
            }
            next++;
            depth--;
            return inner;
        }
        String id = identifier("a licence identifier");
        boolean orLater = false;
        if (id.endsWith("+")) {
            orLater = true;
            id = id.substring(0, id.length() - 1);
            if (id.isEmpty()) {
                throw error("'+' without a licence identifier");
            }
        }
        if (!isLicenceRef(id) && !id.matches("[A-Za-z0-9.\\-]+")) {
            throw error("'" + id + "' is not a licence identifier (letters, digits, '.' and '-')");
        }
        String exception = null;
        if (isOperator("WITH")) {
            next++;
            exception = identifier("an exception identifier after WITH");
            if (!exception.matches("[A-Za-z0-9.\\-]+") && !isLicenceRef(exception)) {
                throw error("'" + exception + "' is not an exception identifier");
            }
        }
        return new LicenceExpression.Licence(id, orLater, exception);
    }

    private static boolean isLicenceRef(String id) {
        return id.matches("(DocumentRef-[A-Za-z0-9.\\-]+:)?(LicenseRef|AdditionRef)-[A-Za-z0-9.\\-]+");
    }

    private String identifier(String expected) {
        if (next >= tokens.size()) {
            throw error("expected " + expected + " at the end");
        }
        String token = tokens.get(next);
        if (token.equals("(") || token.equals(")") || isOperatorWord(token)) {
            throw error("expected " + expected + ", found '" + token + "'");
        }
        next++;
        return token;
    }

    private boolean isOperator(String operator) {
        return next < tokens.size() && tokens.get(next).toUpperCase(Locale.ROOT).equals(operator)
                && isOperatorWord(tokens.get(next));
    }

    private static boolean isOperatorWord(String token) {
        return token.equals("AND") || token.equals("OR") || token.equals("WITH") || token.equals("and")
                || token.equals("or") || token.equals("with");
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                positions.add(i);
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
                        && text.charAt(i) != ')') {
                    i++;
                }
                tokens.add(text.substring(start, i));
                positions.add(start);
            }
        }
        if (tokens.isEmpty()) {
            throw new InvalidInputException("licence expression: empty");
        }
    }

    private InvalidInputException error(String what) {
        int at = next < positions.size() ? positions.get(next) : text.length();
        return new InvalidInputException("licence expression '" + shorten(text) + "': " + what + " (at character "
                + (at + 1) + ")");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

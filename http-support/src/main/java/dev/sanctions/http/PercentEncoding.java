package dev.sanctions.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URL path segments and query parts (RFC 3986), not HTML form encoding: a '+' is a plus
 * sign, so that a subject name or an offset such as {@code +09:00} can be written as is.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /**
     * Decodes the escapes of one raw segment (split on '/' before decoding, so that an encoded '/' stays inside
     * its segment). Strict: an escape must be '%' and two hex digits, and the escaped bytes must be UTF-8.
     *
     * @throws RequestRefused 400 when they are not
     */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        byte[] bytes = new byte[raw.length() / 3];
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) != '%') {
                text.append(raw.charAt(i++));
                continue;
            }
            // A run of escapes is one UTF-8 sequence or more: a character may take several.
            int length = 0;
            while (i < raw.length() && raw.charAt(i) == '%') {
                int high = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hexDigit(raw.charAt(i + 2));
                if (low < 0) {
                    throw malformed(raw);
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 3;
            }
            text.append(utf8(bytes, length, raw));
        }
        return text.toString();
    }

    /**
     * The segment that {@link #decode} turns back into {@code text}: every byte of its UTF-8 escaped but ASCII
     * letters, digits and {@code -._~}, so a space is {@code %20} (never '+') and a '/' is {@code %2F}.
     */
    public static String encode(String text) {
        StringBuilder raw = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                raw.append(c);
            } else {
                raw.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return raw.toString();
    }

    /** ASCII hex only: {@link Character#digit} would also take other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String utf8(byte[] bytes, int length, String raw) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(raw);
        }
    }

    private static RequestRefused malformed(String raw) {
        return new RequestRefused(
                400,
                "malformed percent escape in '" + raw + "': write each byte as % and two hex"
                        + " digits, and text as UTF-8");
    }
}

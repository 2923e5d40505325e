package io.launcher.layer;

import io.launcher.api.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PAX extended header records ({@code "<length> <key>=<value>\n"}) with values kept as bytes, in
 * both directions: binary extended attributes survive only this way.
 */
final class PaxRecords {

    private PaxRecords() {
    }

    /** Parses the data of one {@code x} header; keys are UTF-8, values raw. */
    static Map<String, byte[]> parse(byte[] data, int offset, int length) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        int position = offset;
        int end = offset + length;
        while (position < end && data[position] != 0) {
            int space = position;
            while (space < end && data[space] != ' ') {
                space++;
            }
            int recordLength = parseLength(data, position, space);
            int recordEnd = position + recordLength;
            if (recordLength <= space - position + 1 || recordEnd > end || data[recordEnd - 1] != '\n') {
                throw new InvalidSpecException("invalid layer: malformed pax record");
            }
            int equals = space + 1;
            while (equals < recordEnd && data[equals] != '=') {
                equals++;
            }
            if (equals >= recordEnd) {
                throw new InvalidSpecException("invalid layer: pax record without '='");
            }
            String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            records.put(key, Arrays.copyOfRange(data, equals + 1, recordEnd - 1));
            position = recordEnd;
        }
        return records;
    }

    private static int parseLength(byte[] data, int from, int to) {
        if (to == from || to - from > 9) {
            throw new InvalidSpecException("invalid layer: malformed pax record length");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (data[i] < '0' || data[i] > '9') {
                throw new InvalidSpecException("invalid layer: malformed pax record length");
            }
            value = value * 10 + (data[i] - '0');
        }
        return value;
    }

    /** Encodes records; the length prefix counts its own digits. */
    static byte[] encode(Map<String, byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> record : records.entrySet()) {
            byte[] key = record.getKey().getBytes(StandardCharsets.UTF_8);
            int body = 1 + key.length + 1 + record.getValue().length + 1;
            int length = body + 1;
            while (Integer.toString(length).length() + body != length) {
                length = Integer.toString(length).length() + body;
            }
            out.writeBytes((length + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(key);
            out.write('=');
            out.writeBytes(record.getValue());
            out.write('\n');
        }
        return out.toByteArray();
    }
}

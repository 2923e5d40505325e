package io.launcher.api;

/**
 * One line of {@code diff}: a path of the container's filesystem that differs from its image,
 * as Docker's {@code /containers/{id}/changes} reports it ({@code Kind} 0, 1, 2 for C, A, D).
 */
public record FilesystemChange(String path, Kind kind) {

    public enum Kind {
        MODIFIED("C"), ADDED("A"), DELETED("D");

        private final String letter;

        Kind(String letter) {
            this.letter = letter;
        }

        /** The letter {@code docker diff} prints. */
        public String letter() {
            return letter;
        }

        /** Docker's numeric kind: its position (0 modified, 1 added, 2 deleted). */
        public int code() {
            return ordinal();
        }

        public static Kind of(int code) {
            if (code < 0 || code >= values().length) {
                throw new InvalidSpecException("invalid change kind " + code);
            }
            return values()[code];
        }
    }
}

package io.launcher.cli;

import java.util.List;

/** Says once, on stderr, that {@code -p} was checked but the engine cannot publish ports yet. */
final class PublishNotice {
    private PublishNotice() {
    }

    static void warn(Session session, List<PortBinding> publish) {
        if (!publish.isEmpty()) {
            session.err().println("WARNING: publishing ports is not supported yet; -p/--publish is ignored");
        }
    }
}

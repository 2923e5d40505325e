/** The engine, the daemon, the CLI and plugin loading: Launcher's composition root. */
module io.launcher {
    requires io.launcher.api;
    requires io.launcher.spi;
    requires org.pf4j;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;
    requires org.slf4j;
    requires com.sun.jna;
    requires jdk.unsupported;
    requires java.net.http;

    opens io.launcher.cli to info.picocli;
    opens io.launcher.daemon to com.fasterxml.jackson.databind;
    opens io.launcher.client to com.fasterxml.jackson.databind;
    opens io.launcher.engine to com.fasterxml.jackson.databind;
}

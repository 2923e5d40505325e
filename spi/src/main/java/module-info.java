/** The stable SPIs that isolation, storage and network plugins implement. */
module io.launcher.spi {
    requires transitive io.launcher.api;
    requires transitive org.pf4j;
    requires static com.sun.jna;
    exports io.launcher.spi;
    exports io.launcher.spi.isolation;
    exports io.launcher.spi.storage;
    exports io.launcher.spi.storage.directory;
    // JNA reads the package-private libc binding reflectively to register its native methods.
    opens io.launcher.spi.storage.directory to com.sun.jna;
    exports io.launcher.spi.network;
}

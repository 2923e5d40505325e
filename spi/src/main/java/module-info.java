/** The stable SPIs that isolation, storage and network plugins implement. */
module io.launcher.spi {
    requires transitive io.launcher.api;
    requires transitive org.pf4j;
    exports io.launcher.spi;
    exports io.launcher.spi.isolation;
    exports io.launcher.spi.storage;
    exports io.launcher.spi.network;
}

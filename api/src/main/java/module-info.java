/** The public model of Launcher and the engine's API: containers, images, configs, faults. */
module io.launcher.api {
    exports io.launcher.api;
}

package io.launcher.cli;

import io.launcher.api.Engine;

/** How a command reaches the engine; the composition root gives the real one, tests a fake. */
@FunctionalInterface
public interface EngineConnector {

    /** Connects to the engine of these settings, starting one when none answers. */
    Engine connect(CliSettings settings);
}

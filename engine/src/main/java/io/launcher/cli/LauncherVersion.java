package io.launcher.cli;

import java.lang.module.ModuleDescriptor;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, as the module system knows it (Maven compiles it in). */
public final class LauncherVersion implements IVersionProvider {
    /** On the class path (tests, IDEs) there is no module version. */
    private static final String UNKNOWN = "0.1.0-SNAPSHOT";

    static String number() {
        ModuleDescriptor descriptor = LauncherVersion.class.getModule().getDescriptor();
        return descriptor == null ? UNKNOWN : descriptor.rawVersion().orElse(UNKNOWN);
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Launcher version " + number()};
    }
}

package io.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The boundary rules of the design, shared by the tests that check the real modules and the bad fixture. */
final class ModuleBoundaries {
    static final String[] LAUNCHER_PACKAGES = {"io.launcher.engine..", "io.launcher.daemon..", "io.launcher.cli..",
        "io.launcher.client..", "io.launcher.http..", "io.launcher.plugin..", "io.launcher.layer..", "io.launcher.registry.."};
    static final String[] PLUGIN_PACKAGES = {"io.launcher.backend..", "io.launcher.storage..", "io.launcher.network.."};

    private ModuleBoundaries() {
    }

    static ArchRule apiDependsOnNothingOfOurs() {
        return classes().that().resideInAPackage("io.launcher.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.launcher.api..", "java..")
                .as("api depends on nothing of ours (nor on any library)");
    }

    static ArchRule spiDependsOnApiOnly() {
        return classes().that().resideInAPackage("io.launcher.spi..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.launcher.spi..", "io.launcher.api..", "java..", "org.pf4j..", "com.sun.jna..")
                .as("spi depends on api (and PF4J's ExtensionPoint) only");
    }

    static ArchRule pluginsDependOnApiAndSpiOnly() {
        return noClasses().that().resideInAnyPackage(PLUGIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(LAUNCHER_PACKAGES)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.launcher.Main")
                .as("plugins never depend on the launcher");
    }

    static ArchRule pluginsIndependentOfEachOther() {
        return slices().matching("io.launcher.(backend|storage|network).(*)..")
                .should().notDependOnEachOther()
                .as("plugins never depend on each other");
    }

    static ArchRule onlyPluginGlueTouchesPf4j() {
        return noClasses().that().resideOutsideOfPackages("..plugin..", "io.launcher.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.pf4j..")
                .as("only the plugin glue packages touch PF4J");
    }

    static ArchRule launcherPackagesFreeOfCycles() {
        return slices().matching("io.launcher.(*)..").should().beFreeOfCycles();
    }

    static ArchRule noGrabBagPackages() {
        return noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..",
                "..helpers..", "..misc..").as("no grab-bag packages: name the concept");
    }
}

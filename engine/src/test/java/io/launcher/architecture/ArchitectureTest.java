package io.launcher.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the module boundaries of the design on the compiled classes of every module. */
class ArchitectureTest {
    private static final List<String> MODULES = List.of("api", "spi", "backend-native", "backend-lxc",
            "storage-aufs", "storage-overlay-test", "network", "engine");
    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        Path top = Path.of("").toAbsolutePath().getParent();
        List<Path> folders = MODULES.stream().map(m -> top.resolve(m).resolve("target/classes")).toList();
        folders.forEach(f -> assertTrue(Files.isDirectory(f), "build every module first: " + f + " is missing"));
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPaths(folders);
    }

    @Test
    void apiDependsOnNothingOfOurs() {
        ModuleBoundaries.apiDependsOnNothingOfOurs().check(classes);
    }

    @Test
    void spiDependsOnApiOnly() {
        ModuleBoundaries.spiDependsOnApiOnly().check(classes);
    }

    @Test
    void pluginsNeverDependOnTheLauncher() {
        ModuleBoundaries.pluginsDependOnApiAndSpiOnly().check(classes);
    }

    @Test
    void pluginsNeverDependOnEachOther() {
        ModuleBoundaries.pluginsIndependentOfEachOther().check(classes);
    }

    @Test
    void onlyPluginGlueTouchesPf4j() {
        ModuleBoundaries.onlyPluginGlueTouchesPf4j().check(classes);
    }

    @Test
    void launcherPackagesHaveNoCycles() {
        ModuleBoundaries.launcherPackagesFreeOfCycles().check(classes);
    }

    @Test
    void noGrabBagPackages() {
        ModuleBoundaries.noGrabBagPackages().check(classes);
    }
}

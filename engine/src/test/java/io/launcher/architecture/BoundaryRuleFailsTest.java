package io.launcher.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.launcher.backend.fixture.PluginThatImportsTheEngine;
import org.junit.jupiter.api.Test;

/** Shows that the boundary rules bite: a plugin class importing the launcher fails them. */
class BoundaryRuleFailsTest {

    @Test
    void aPluginClassImportingTheLauncherFailsTheRule() {
        JavaClasses bad = new ClassFileImporter().importClasses(PluginThatImportsTheEngine.class);
        assertThrows(AssertionError.class, () -> ModuleBoundaries.pluginsDependOnApiAndSpiOnly().check(bad));
    }

    @Test
    void aPluginClassTouchingPf4jOutsideItsGlueFailsTheRule() {
        JavaClasses bad = new ClassFileImporter().importClasses(PluginThatImportsTheEngine.class);
        assertThrows(AssertionError.class, () -> ModuleBoundaries.onlyPluginGlueTouchesPf4j().check(bad));
    }
}

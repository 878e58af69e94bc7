package com.slaledger.testing;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules fail where they should: on a package cycle, a resource calling another feature, a base importing a feature. */
class ArchitectureTest {

    private static final String ROOT = "com.slaledger.testing.cycle";

    private final JavaClasses classes = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aCycleBreaksTheBuild() {
        assertThatThrownBy(() -> Architecture.noCycles(ROOT).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void aResourceCallingAnotherFeaturesServiceBreaksIt() {
        assertThatThrownBy(() ->
                        Architecture.resourcesUseTheirOwnFeaturesService(ROOT).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AlphaService");
    }

    @Test
    void aBaseImportingAFeatureBreaksIt() {
        assertThatThrownBy(() -> Architecture.atTheBottom(ROOT, "a", Set.of()).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Beta");
    }
}

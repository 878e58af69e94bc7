package com.slaledger.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules every service's house plan keeps (Architecture): extended by each service's
 * {@code ArchitectureTest} with its root package, which adds the rules of its own.
 */
public abstract class HousePlanTest {

    private final String root;
    private final JavaClasses main;

    protected HousePlanTest(String root) {
        this.root = root;
        this.main = Architecture.mainClasses(root);
    }

    protected String root() {
        return root;
    }

    protected JavaClasses main() {
        return main;
    }

    @Test
    void featurePackagesHaveNoCycles() {
        Architecture.noCycles(root).check(main);
    }

    @Test
    void aResourceUsesOnlyItsOwnFeaturesService() {
        Architecture.resourcesUseTheirOwnFeaturesService(root)
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void testsNeverSkipThemselves() {
        Architecture.testsNeverSkip().check(Architecture.testClasses(root));
    }
}

package com.slaledger.testing;

import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house plan as rules (docs/architecture.md): a package per feature under a service's root
 * package, without cycles between them; a feature's resource calls only its own feature's service;
 * packages that others build on (the ledger's change tracking) import no feature; tests never
 * skip themselves. Each service's {@code ArchitectureTest} applies them to its own classes.
 */
public final class Architecture {

    private Architecture() {}

    /** The main classes of the packages under {@code root}. */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The test classes of the packages under {@code root}. */
    public static JavaClasses testClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** No package below {@code root} reaches back to itself through the others. */
    public static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The feature package a class of {@code root} is in (empty for the root package itself). */
    static Optional<String> feature(String root, JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = p.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** A feature's {@code ...Resource} uses no other feature's {@code ...Service}. */
    public static ArchRule resourcesUseTheirOwnFeaturesService(String root) {
        return classes()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .and()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<>("call only the service of their own feature") {
                    @Override
                    public void check(JavaClass resource, ConditionEvents events) {
                        for (Dependency d : resource.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (target.getSimpleName().endsWith("Service")
                                    && target.getPackageName().startsWith(root + ".")
                                    && !feature(root, target).equals(feature(root, resource))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * The classes of package {@code base} (below {@code root}) depend on no other feature package
     * of {@code root} than those {@code allowed}: what others build on stays at the bottom.
     */
    public static ArchRule atTheBottom(String root, String base, Set<String> allowed) {
        return noClasses()
                .that()
                .resideInAPackage(root + "." + base + "..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<>("are in a feature package of " + root) {
                    @Override
                    public boolean test(JavaClass c) {
                        return feature(root, c)
                                .filter(f -> !f.equals(base) && !allowed.contains(f))
                                .isPresent();
                    }
                });
    }

    /** A test never skips itself (an assumption that fails is a green run that tested nothing). */
    public static ArchRule testsNeverSkip() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
                .allowEmptyShould(true);
    }
}

package com.slaledger.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The console's rooms (home, contract, editing, session) without cycles, calling the services through sla-client only. */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.slaledger.console");

    @Test
    void roomsHaveNoCycles() {
        slices().matching("com.slaledger.console.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CONSOLE);
    }

    @Test
    void noHttpClientOfItsOwn() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpClient")
                .check(CONSOLE);
    }
}

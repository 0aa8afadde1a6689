package org.openvmi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

    /**
     * The engine ({@code org.openvmi.engine..}, its own Maven module without Spring) is a library the features call,
     * not a feature: its independence is enforced by the compiler, so it is left out of the module model here.
     */
    @Test
    void features_respect_their_boundaries_and_form_no_cycle() {
        ApplicationModules.of(OpenVmiApplication.class, resideInAPackage("org.openvmi.engine..")).verify();
    }

    @Test
    void domain_models_are_plain_java() {
        // package-info only carries module metadata (a named interface), no code
        noClasses().that().resideInAPackage("org.openvmi..model..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.openvmi"));
    }
}

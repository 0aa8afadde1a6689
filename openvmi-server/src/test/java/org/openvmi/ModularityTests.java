package org.openvmi;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    /**
     * The engine ({@code org.openvmi.engine..}, its own Maven module without Spring) is a library the features call,
     * not a feature: its independence is enforced by the compiler, so it is left out of the module model here.
     */
    @Test
    void features_respect_their_boundaries_and_form_no_cycle() {
        ApplicationModules.of(OpenVmiApplication.class, resideInAPackage("org.openvmi.engine.."))
                .verify();
    }

    /**
     * Every feature lists the modules it may use ({@code allowedDependencies} in its package-info, ADR 0052), so a new
     * sideways or uphill dependency fails {@link #features_respect_their_boundaries_and_form_no_cycle} until it is
     * declared there on purpose. {@code shared} is open and depends on nothing; every other module, analytics and rules
     * included, declares its list.
     */
    @Test
    void every_feature_declares_its_allowed_dependencies() {
        Set<String> open = Set.of("shared");
        List<String> undeclared =
                ApplicationModules.of(OpenVmiApplication.class, resideInAPackage("org.openvmi.engine..")).stream()
                        .map(m -> m.getBasePackage().getName())
                        .filter(p -> !open.contains(p.substring(p.lastIndexOf('.') + 1)))
                        .filter(p -> {
                            try {
                                ApplicationModule a =
                                        Class.forName(p + ".package-info").getAnnotation(ApplicationModule.class);
                                return a == null || a.allowedDependencies().length == 0;
                            } catch (ClassNotFoundException e) {
                                return true;
                            }
                        })
                        .toList();
        assertThat(undeclared)
                .as("modules without @ApplicationModule(allowedDependencies = …)")
                .isEmpty();
    }

    /**
     * No Spring, no JDBC in a domain model. Module metadata is not code and is allowed: a package-info naming a named
     * interface, and {@code @NamedInterface("status")} on a document's status enum, which other features may read
     * (ADR 0068).
     */
    @Test
    void domain_models_are_plain_java() {
        noClasses()
                .that()
                .resideInAPackage("org.openvmi..model..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                        .and(not(equivalentTo(NamedInterface.class))))
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.openvmi"));
    }
}

package io.colmena.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The house rules of STYLE.md that a machine can check, shared by every service's
 * {@code ArchitectureTest}, which calls {@link #check(String)} on its own package. (Checked from a
 * plain Jupiter test: ArchUnit's own JUnit engine discovers nothing on JUnit Platform 6.)
 */
public final class ColmenaArchitectureRules {

    private ColmenaArchitectureRules() {}

    /** Constructor injection with final fields, never {@code @Autowired} fields. */
    public static final ArchRule noFieldInjection = noFields()
            .should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .because("dependencies are constructor-injected into final fields (STYLE.md)")
            .allowEmptyShould(true);

    /** Log through SLF4J; never print. */
    public static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .allowEmptyShould(true);

    /** No Lombok in new code: records cover what it did. */
    public static final ArchRule noLombok = noClasses().should().dependOnClassesThat().resideInAPackage("lombok..")
            .allowEmptyShould(true);

    /** Controllers answer with response records, never with JPA entities. */
    public static final ArchRule controllersNeverReturnEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .and().arePublic()
            .should().haveRawReturnType(DescribedPredicate.not(entity()))
            .because("entities are never returned from an endpoint (STYLE.md)")
            .allowEmptyShould(true);

    /** Checks every rule against the production classes under {@code basePackage}; fails listing each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        for (ArchRule rule : List.of(noFieldInjection, noStandardStreams, noLombok, controllersNeverReturnEntities)) {
            rule.check(classes);
        }
    }

    private static DescribedPredicate<JavaClass> entity() {
        return DescribedPredicate.describe("a JPA entity",
                type -> type.isAnnotatedWith("jakarta.persistence.Entity"));
    }
}

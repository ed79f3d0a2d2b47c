package io.colmena.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * No floating point near money, in billing-service and in its event contracts:
 * <ul>
 *   <li>no JPA entity, record (requests, responses, events) or Stripe/subscription/metrics/invoice logic
 *       has a float, double or BigDecimal field, parameter or return type — the only exception is the PDF
 *       renderer's page geometry (PDFBox measures in float points, not money);</li>
 *   <li>every field named like an amount ({@code *Minor}, {@code amount*}, {@code *Amount}) is a
 *       {@code long}/{@code Long}.</li>
 * </ul>
 */
class NoFloatingPointMoneyTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.colmena.billing", "io.colmena.events.billing");

    private static final DescribedPredicate<JavaClass> PDF_GEOMETRY = DescribedPredicate.describe(
            "the PDF renderer's page geometry", c -> c.getName().startsWith("io.colmena.billing.invoice.InvoicePdf"));

    static final ArchRule NO_FLOATING_POINT_FIELDS = noFields()
            .that().areDeclaredInClassesThat(DescribedPredicate.not(PDF_GEOMETRY))
            .should().haveRawType(float.class).orShould().haveRawType(double.class)
            .orShould().haveRawType(Float.class).orShould().haveRawType(Double.class)
            .orShould().haveRawType(BigDecimal.class)
            .because("money is integer minor units plus an ISO 4217 currency (ARCHITECTURE.md §3)");

    static final ArchRule NO_FLOATING_POINT_METHODS = noMethods()
            .that().areDeclaredInClassesThat(DescribedPredicate.not(PDF_GEOMETRY))
            .should().haveRawReturnType(float.class).orShould().haveRawReturnType(double.class)
            .orShould().haveRawReturnType(Float.class).orShould().haveRawReturnType(Double.class)
            .orShould().haveRawReturnType(BigDecimal.class)
            .orShould().haveRawParameterTypes(DescribedPredicate.describe("a floating-point or BigDecimal parameter",
                    params -> params.stream().anyMatch(p -> p.isEquivalentTo(double.class) || p.isEquivalentTo(float.class)
                            || p.isEquivalentTo(Double.class) || p.isEquivalentTo(Float.class)
                            || p.isEquivalentTo(BigDecimal.class))));

    static final ArchRule MONEY_NAMED_FIELDS_ARE_LONG = fields()
            .that().haveNameMatching(".*Minor|amount.*|.*Amount")
            .and().areNotStatic()
            .should().haveRawType(long.class).orShould().haveRawType(Long.class)
            .because("amounts are integer minor units")
            .allowEmptyShould(false);

    @Test
    void noEntityRecordOrLogicHoldsMoneyInFloatingPoint() {
        NO_FLOATING_POINT_FIELDS.check(CLASSES);
        NO_FLOATING_POINT_METHODS.check(CLASSES);
    }

    @Test
    void everyAmountFieldIsALongInMinorUnits() {
        MONEY_NAMED_FIELDS_ARE_LONG.check(CLASSES);
    }

    @Test
    void theRulesCatchAFloatingPointAmount() {
        record Bad(double totalMinor, BigDecimal price) {}
        JavaClasses bad = new ClassFileImporter().importClasses(Bad.class);

        assertThatThrownBy(() -> NO_FLOATING_POINT_FIELDS.check(bad)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> MONEY_NAMED_FIELDS_ARE_LONG.check(bad)).isInstanceOf(AssertionError.class);
    }
}

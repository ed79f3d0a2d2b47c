package io.colmena.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.colmena.e2e.http.Gateway;
import io.colmena.e2e.report.Report;
import io.colmena.e2e.report.ScenarioResult;
import io.colmena.e2e.scenario.Journey;
import io.colmena.e2e.standin.MailStandIn;
import io.colmena.e2e.standin.StripeStandIn;
import io.colmena.e2e.stripe.StripeFixtures;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo's journey as tests, against the platform {@code ./platform up} started (gateway on 8080): each
 * scenario is a test, in order; a scenario after a failed one is skipped (it builds on it). Runs only in
 * the {@code e2e} profile: {@code ./mvnw -pl e2e -Pe2e verify} after {@code source .platform/env}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ColmenaJourneyIT {

    private MailStandIn mail;
    private StripeStandIn stripe;
    private Report report;
    private Journey journey;

    @BeforeAll
    void startStandInsAndJourney() {
        Settings settings = Settings.fromEnvironment();
        StripeFixtures fixtures = new StripeFixtures(settings.stripeFixtures());
        mail = MailStandIn.start(settings.smtpPort());
        stripe = StripeStandIn.start(fixtures, settings.stripePort());
        Gateway gateway = new Gateway(settings.gatewayUrl());
        report = new Report(new PrintStream(System.out, true, StandardCharsets.UTF_8), gateway);
        journey = new Journey(gateway, report, stripe, mail, fixtures, settings);
    }

    @AfterAll
    void summaryAndStop() {
        if (report != null) {
            report.printSummary();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    @Order(1)
    void aBusinessRegistersLogsInAndIsToldFreeAllowsNoInvitation() {
        passed(journey.signUp());
    }

    @Test
    @Order(2)
    void itUpgradesToProThroughStripeAndTheGatewayGivesItsOldTokenTheProRate() {
        passed(journey.upgradeToPro());
    }

    @Test
    @Order(3)
    void anAgentAndAClientPortalUserJoinThroughTheEmailedInvitations() {
        passed(journey.team());
    }

    @Test
    @Order(4)
    void theClientsTicketIsAnsweredWithinTheSlaResolvedAndRated() {
        passed(journey.supportTicket());
    }

    @Test
    @Order(5)
    void theClientPaysItsInvoiceThroughStripeAndRedeliveredEventsChangeNothing() {
        passed(journey.invoicePayment());
    }

    @Test
    @Order(6)
    void aSecondBusinessGets404ForEverythingOfTheFirst() {
        passed(journey.isolation());
    }

    @Test
    @Order(7)
    void theOwnerHandsTheBusinessToHerAgentAndStaysOnAsAdmin() {
        passed(journey.handover());
    }

    private static void passed(ScenarioResult result) {
        assumeTrue(result.status() != ScenarioResult.Status.SKIPPED, "skipped: " + result.failure());
        assertThat(result.status()).as(result.failure()).isEqualTo(ScenarioResult.Status.PASSED);
    }
}

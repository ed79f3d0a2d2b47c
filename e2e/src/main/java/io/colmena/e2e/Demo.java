package io.colmena.e2e;

import io.colmena.e2e.http.Gateway;
import io.colmena.e2e.report.Report;
import io.colmena.e2e.scenario.Journey;
import io.colmena.e2e.standin.MailStandIn;
import io.colmena.e2e.standin.StripeStandIn;
import io.colmena.e2e.stripe.StripeFixtures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar e2e/target/e2e.jar [demo|stand-ins]} — what {@code ./platform demo} runs.
 *
 * <ul>
 *   <li>{@code demo} (default): starts the SMTP and Stripe stand-ins, runs the {@link Journey} against the
 *       gateway and prints every step with its HTTP calls and a summary. Exit status 0 when every scenario
 *       passed, 1 when one failed, 2 when it could not start (a port taken, fixtures missing).</li>
 *   <li>{@code stand-ins}: only the stand-ins, until stopped (Ctrl-C), for trying the API by hand: the
 *       invitation e-mails identity-service sends are printed, and billing-service's Stripe calls answered.</li>
 * </ul>
 *
 * <p>Configuration: {@link Settings} (environment of {@code .platform/env}). The report is this program's
 * standard output, written as UTF-8.
 */
public final class Demo {

    private Demo() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String mode = args.length == 0 ? "demo" : args[0];
        Settings settings = Settings.fromEnvironment();
        switch (mode) {
            case "demo" -> System.exit(demo(settings, out));
            case "stand-ins" -> standIns(settings, out);
            default -> {
                out.println("usage: java -jar e2e.jar [demo|stand-ins]");
                System.exit(2);
            }
        }
    }

    /** Runs the journey; answers the exit status. */
    static int demo(Settings settings, PrintStream out) {
        StripeFixtures fixtures;
        try {
            fixtures = new StripeFixtures(settings.stripeFixtures());
        } catch (IllegalStateException e) {
            out.println("✗ " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "Colmena demo: every call goes through the gateway at %s%n", settings.gatewayUrl());
        out.printf(Locale.ROOT, "  SMTP stand-in (GreenMail) on localhost:%d, Stripe stand-in (WireMock) on localhost:%d, "
                + "Stripe payloads from %s%n", settings.smtpPort(), settings.stripePort(), fixtures.directory());
        try (MailStandIn mail = MailStandIn.start(settings.smtpPort());
             StripeStandIn stripe = StripeStandIn.start(fixtures, settings.stripePort())) {
            Gateway gateway = new Gateway(settings.gatewayUrl());
            Report report = new Report(out, gateway);
            new Journey(gateway, report, stripe, mail, fixtures, settings).runAll();
            report.printSummary();
            return report.allPassed() ? 0 : 1;
        } catch (IllegalStateException e) {
            out.println("✗ " + e.getMessage());
            return 2;
        }
    }

    private static void standIns(Settings settings, PrintStream out) throws InterruptedException {
        StripeFixtures fixtures = new StripeFixtures(settings.stripeFixtures());
        MailStandIn mail = MailStandIn.start(settings.smtpPort());
        StripeStandIn stripe = StripeStandIn.start(fixtures, settings.stripePort());
        out.printf(Locale.ROOT, "SMTP stand-in on localhost:%d, Stripe stand-in at %s; Ctrl-C stops them.%n",
                mail.port(), stripe.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            mail.close();
            stopped.countDown();
        }));
        int shownMails = 0;
        int shownCalls = 0;
        while (stopped.getCount() > 0) {
            var mails = mail.all();
            for (; shownMails < mails.size(); shownMails++) {
                MailStandIn.Mail m = mails.get(shownMails);
                out.printf(Locale.ROOT, "%n✉ to %s: %s%n%s%n", m.to(), m.subject(), m.body().strip());
            }
            var calls = stripe.received();
            for (; shownCalls < calls.size(); shownCalls++) {
                StripeStandIn.Received r = calls.get(shownCalls);
                out.printf(Locale.ROOT, "Stripe %s %s → %d %s%n", r.method(), r.path(), r.status(),
                        r.objectId() == null ? "" : r.objectId());
            }
            stopped.await(1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

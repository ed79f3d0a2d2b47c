package io.colmena.billing.subscription;

import io.colmena.billing.config.BillingProperties;
import io.colmena.events.identity.Plan;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Colmena's paid plans and their Stripe prices ({@code colmena.billing.plans}); FREE has no price. */
@Component
class PlanCatalog {

    private final Map<Plan, BillingProperties.PlanPrice> prices;
    private final Map<String, Plan> byPriceId = new HashMap<>();

    PlanCatalog(BillingProperties properties) {
        this.prices = properties.plans();
        prices.forEach((plan, price) -> {
            byPriceId.put(price.priceId(), plan);
            price.otherPriceIds().forEach(id -> byPriceId.put(id, plan));
        });
    }

    /** The plan a Stripe price (or legacy plan) id stands for. */
    Optional<Plan> planOfPrice(String priceId) {
        return Optional.ofNullable(priceId).map(byPriceId::get);
    }

    /** The current price of a paid plan. */
    Optional<BillingProperties.PlanPrice> price(Plan plan) {
        return Optional.ofNullable(prices.get(plan));
    }
}

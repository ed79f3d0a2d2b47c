package io.colmena.billing.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Tolerant reads from a Stripe object's JSON, across API versions: a missing member, a JSON
 * {@code null} or a member of another type all read as empty. Paths are dot-separated; a numeric
 * segment indexes an array ({@code items.data.0.price.id}).
 */
public final class StripeJson {

    private StripeJson() {}

    /** The element at {@code path}, if present and not JSON null. */
    public static Optional<JsonElement> at(JsonObject object, String path) {
        JsonElement current = object;
        for (String segment : path.split("\\.")) {
            if (current == null || current.isJsonNull()) {
                return Optional.empty();
            }
            if (current.isJsonObject()) {
                current = current.getAsJsonObject().get(segment);
            } else if (current.isJsonArray() && segment.chars().allMatch(Character::isDigit)) {
                JsonArray array = current.getAsJsonArray();
                int index = Integer.parseInt(segment);
                current = index < array.size() ? array.get(index) : null;
            } else {
                return Optional.empty();
            }
        }
        return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
    }

    /** A string member; for an expanded object ({@code "customer": {"id": ...}}), its {@code id}. */
    public static Optional<String> string(JsonObject object, String path) {
        return at(object, path).flatMap(element -> {
            if (element.isJsonPrimitive()) {
                String value = element.getAsString();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
            if (element.isJsonObject() && element.getAsJsonObject().has("id")) {
                return string(element.getAsJsonObject(), "id");
            }
            return Optional.empty();
        });
    }

    /** An integer member (amounts, timestamps). */
    public static Optional<Long> number(JsonObject object, String path) {
        return at(object, path).filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())
                .map(JsonElement::getAsLong);
    }

    /** A boolean member. */
    public static Optional<Boolean> bool(JsonObject object, String path) {
        return at(object, path).filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())
                .map(JsonElement::getAsBoolean);
    }

    /** A Unix-seconds timestamp member as an instant. */
    public static Optional<Instant> instant(JsonObject object, String path) {
        return number(object, path).map(Instant::ofEpochSecond);
    }

    /** An object member. */
    public static Optional<JsonObject> object(JsonObject object, String path) {
        return at(object, path).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }

    /** The first present string among {@code paths}. */
    public static Optional<String> firstString(JsonObject object, String... paths) {
        for (String path : paths) {
            Optional<String> value = string(object, path);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}

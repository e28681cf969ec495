package nl.samenspraak.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.function.Supplier;

/**
 * The one rule for a form a person filled in so that it cannot be used: the change is not made, and the same page
 * comes back with 422 and the {@link Refused} reason (which the page shows in the person's language), with what
 * they typed still in it; never a 500, never a bare error. Every page controller's form goes through
 * {@link #submit}, so the status and the catch live here and nowhere else.
 */
public final class RefusedForm {
    /** The status of a page shown again because its form was refused. */
    public static final HttpStatus STATUS = HttpStatus.UNPROCESSABLE_ENTITY;

    private RefusedForm() {
    }

    /** The page the form was on, shown again with the reason it was refused and the given status. */
    @FunctionalInterface
    public interface Again {
        HttpResponse<?> page(Refused refused, HttpStatus status);
    }

    /** Makes the change (its answer, typically a redirect); if it is refused, the form's page {@code again}. */
    public static HttpResponse<?> submit(Supplier<HttpResponse<?>> change, Again again) {
        try {
            return change.get();
        } catch (Refused refused) {
            return again.page(refused, STATUS);
        }
    }
}

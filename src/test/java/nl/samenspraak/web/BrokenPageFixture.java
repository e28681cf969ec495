package nl.samenspraak.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * A page whose template refers to a word its model lacks, for {@link BrokenPageTest}: only in the test context that
 * sets the property it requires; hidden from the OpenAPI description the test build generates.
 */
@Hidden
@Controller("/fixture-broken-page")
@Requires(property = "samenspraak.broken-page-fixture")
@Secured(SecurityRule.IS_ANONYMOUS)
public class BrokenPageFixture {

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("fixture-broken", Map.of());
    }
}

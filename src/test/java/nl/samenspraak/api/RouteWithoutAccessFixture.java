package nl.samenspraak.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Breaks the rule "every route says who may use it" on purpose, for ArchitectureTest to show it fails. Never a bean:
 * no test context has the property it requires, so it adds no route to any test's service; hidden from the OpenAPI
 * description the test build generates, which ApiContractTest compares with the served one.
 */
@Hidden
@Controller("/fixture-without-access")
@Requires(property = "samenspraak.architecture-fixture")
public class RouteWithoutAccessFixture {

    @Get
    public String open() {
        return "nobody said who may read this";
    }
}

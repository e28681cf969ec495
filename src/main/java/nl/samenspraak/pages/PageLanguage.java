package nl.samenspraak.pages;

import io.micronaut.core.bind.annotation.Bindable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller argument that receives the language to answer in, as {@link PageLanguageBinder} resolves it: the
 * {@code lang} asked for (query, else the posted form's field) when the product speaks it, else the browser's,
 * else Dutch. Replaces {@code pages.language(request, lang)} at the top of every page handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
public @interface PageLanguage {
}

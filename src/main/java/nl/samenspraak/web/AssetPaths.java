package nl.samenspraak.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives every page a controller renders the hashed names of the static files ({@code $assets.appCss}), so
 * views/head.vm can link them whichever controller made the model.
 */
@Singleton
public class AssetPaths implements ViewModelProcessor<Map<String, Object>> {
    private final StaticAssets assets;

    public AssetPaths(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().orElse(null);
        if (model != null && !model.containsKey("assets")) {
            Map<String, Object> withAssets = new HashMap<>(model);
            withAssets.put("assets", assets.paths());
            modelAndView.setModel(withAssets);
        }
    }
}

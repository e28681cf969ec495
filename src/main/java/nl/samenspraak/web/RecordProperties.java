package nl.samenspraak.web;

import org.apache.velocity.runtime.parser.node.AbstractExecutor;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Lets a template read a record's components as properties ({@code $bar.admin} calls {@code admin()}), so pages
 * can take typed view models (records) instead of nested maps. Velocity 2.4 knows only getters and maps.
 */
public class RecordProperties extends UberspectImpl {

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        if (obj != null && obj.getClass().isRecord()) {
            for (RecordComponent component : obj.getClass().getRecordComponents()) {
                if (component.getName().equals(identifier)) {
                    return new VelGetterImpl(new Accessor(component.getAccessor()));
                }
            }
        }
        return super.getPropertyGet(obj, identifier, info);
    }

    private static final class Accessor extends AbstractExecutor {
        Accessor(Method accessor) {
            accessor.setAccessible(true); // a record declared inside a package-private class
            setMethod(accessor);
        }

        @Override
        public Object execute(Object o) throws IllegalAccessException, InvocationTargetException {
            return getMethod().invoke(o);
        }
    }
}

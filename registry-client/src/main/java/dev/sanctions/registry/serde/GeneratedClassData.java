package dev.sanctions.registry.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * A {@link SpecificData} that resolves record, enum and fixed schemas to their generated classes by itself.
 *
 * <p>Avro 1.12.2 checks every class it loads by name against the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}, so that a schema from outside cannot make the reader
 * instantiate an arbitrary class. This model accepts only classes that are Avro-generated types
 * ({@link SpecificRecord}, generated enums, {@link SpecificFixed}), which is what that check protects;
 * anything else still goes through Avro's own check. So the serde works whether or not the launcher sets the
 * property, without trusting more than generated code.
 */
final class GeneratedClassData extends SpecificData {

    private static final Class<?> NOT_GENERATED = Void.class;

    private final Map<String, Class<?>> generatedClasses = new ConcurrentHashMap<>();

    /** A model that finds generated classes through {@code loader}; it has no logical-type conversions. */
    GeneratedClassData(ClassLoader loader) {
        super(loader);
    }

    /** A model for reading into {@code rootClass}, with the logical-type conversions its generated code uses. */
    GeneratedClassData(Class<?> rootClass) {
        super(rootClass.getClassLoader());
        SpecificData.getForClass(rootClass).getConversions().forEach(this::addLogicalTypeConversion);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> {
                Class<?> generated = generatedClass(schema);
                yield generated != null ? generated : super.getClass(schema);
            }
            default -> super.getClass(schema);
        };
    }

    /** The generated class for a named schema, or null when the classpath has none. */
    Class<?> generatedClass(Schema schema) {
        Class<?> found = generatedClasses.computeIfAbsent(schema.getFullName(), name -> load(schema));
        return found == NOT_GENERATED ? null : found;
    }

    private Class<?> load(Schema schema) {
        try {
            Class<?> candidate = Class.forName(getClassName(schema), false, getClassLoader());
            return isGenerated(candidate, schema.getType()) ? candidate : NOT_GENERATED;
        } catch (ClassNotFoundException | LinkageError e) {
            return NOT_GENERATED;
        }
    }

    private static boolean isGenerated(Class<?> candidate, Schema.Type type) {
        return switch (type) {
            case RECORD -> SpecificRecord.class.isAssignableFrom(candidate);
            case ENUM -> candidate.isEnum() && GenericEnumSymbol.class.isAssignableFrom(candidate);
            case FIXED -> SpecificFixed.class.isAssignableFrom(candidate);
            default -> false;
        };
    }
}

package io.switchboard.contracts.compat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A record's JSON shape as a consumer sees it: every field path (nested records flattened with
 * {@code .}, list elements with {@code []}) mapped to its type; enums list their constants.
 */
public final class RecordShape {
  static final String ENUM = "enum";

  private RecordShape() {}

  public static Map<String, String> of(Class<?> record) {
    Map<String, String> shape = new TreeMap<>();
    addFields(record, "", shape);
    return shape;
  }

  private static void addFields(Class<?> record, String prefix, Map<String, String> shape) {
    for (RecordComponent component : record.getRecordComponents()) {
      add(component.getGenericType(), prefix + component.getName(), shape);
    }
  }

  private static void add(Type type, String path, Map<String, String> shape) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      shape.put(path, "list");
      add(list.getActualTypeArguments()[0], path + "[]", shape);
      return;
    }
    Class<?> javaType = (Class<?>) type;
    if (javaType.isRecord()) {
      shape.put(path, "object");
      addFields(javaType, path + ".", shape);
    } else if (javaType.isEnum()) {
      shape.put(
          path,
          Arrays.stream(javaType.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(",", ENUM + "[", "]")));
    } else {
      shape.put(path, scalar(javaType));
    }
  }

  private static String scalar(Class<?> javaType) {
    if (javaType == String.class) {
      return "string";
    } else if (javaType == UUID.class) {
      return "uuid";
    } else if (javaType == Instant.class) {
      return "date-time";
    } else if (javaType == int.class || javaType == long.class) {
      // Both are JSON integers; a consumer reading into a 64-bit type accepts either.
      return javaType == int.class ? "int32" : "int64";
    } else if (javaType == boolean.class) {
      return "boolean";
    }
    throw new IllegalArgumentException("no JSON shape for " + javaType);
  }
}

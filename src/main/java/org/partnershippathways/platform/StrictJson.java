package org.partnershippathways.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies of our API mean exactly what they say: a key given twice, anything after the JSON value, a field
 * we do not know, and a value of the wrong type ({@code -1} for true, {@code "5"} for a number, {@code 5} for a
 * text) are refused with 400 ({@link UnreadableJson} names the field) instead of being guessed at. Only the API's
 * request reading is strict: replies of partner systems stay tolerant of fields they add.
 */
@Configuration
class StrictJson implements WebMvcConfigurer {

  private final ObjectMapper applicationMapper;

  StrictJson(ObjectMapper applicationMapper) {
    this.applicationMapper = applicationMapper;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof MappingJackson2HttpMessageConverter) {
        converters.set(i, new MappingJackson2HttpMessageConverter(strict(applicationMapper)));
      }
    }
  }

  static ObjectMapper strict(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    strict.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean)) {
      strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
    }
    for (LogicalType type : LogicalType.values()) {
      strict.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return strict;
  }
}

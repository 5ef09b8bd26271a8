package org.partnershippathways.platform;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Liquibase owns the schema, so it must run before the engine is built: out of the box the Camunda starter
 * builds the engine first and stops with "ENGINE-03057 There are no Camunda tables in the database".
 */
@Component
class EngineStartsAfterLiquibase implements BeanFactoryPostProcessor {

  static final String ENGINE_BEAN = "processEngineFactoryBean";
  static final String LIQUIBASE_BEAN = "liquibase";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(ENGINE_BEAN) || !beanFactory.containsBeanDefinition(LIQUIBASE_BEAN)) {
      return;
    }
    BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_BEAN);
    String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
    if (!Arrays.asList(dependsOn).contains(LIQUIBASE_BEAN)) {
      engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(LIQUIBASE_BEAN)).toArray(String[]::new));
    }
  }
}

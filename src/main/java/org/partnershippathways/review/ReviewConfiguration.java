package org.partnershippathways.review;

import javax.sql.DataSource;
import org.partnershippathways.cases.Cases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReviewConfiguration {

  @Bean
  ReviewTable reviewTable(DataSource dataSource) {
    return new ReviewTable(dataSource);
  }

  @Bean
  ReviewCaseListener reviewCase(ReviewTable reviews, @Value("${pathways.review.max-rounds:3}") int maxRounds) {
    return new ReviewCaseListener(reviews, maxRounds);
  }

  @Bean
  ManagerReviewOfRoundsListener managerReviewOfRounds(ReviewTable reviews) {
    return new ManagerReviewOfRoundsListener(reviews);
  }

  @Bean
  RecordClosureDelegate recordClosure(ReviewTable reviews, Cases cases) {
    return new RecordClosureDelegate(reviews, cases);
  }
}

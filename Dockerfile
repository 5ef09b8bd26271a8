# Partnership Pathways application image. Build: docker build -t partnership-pathways .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
COPY db db
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 pathways && mkdir /app /data && chown pathways /data
WORKDIR /app
COPY --from=build /build/target/partnership-pathways-*.jar /app/partnership-pathways.jar
USER pathways
ENV PATHWAYS_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/partnership-pathways.jar"]

package io.colmena.platform.web;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details for every error a service can answer, and the request body size limit. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class WebAutoConfiguration {

    @Bean
    Problems problems(ObjectProvider<Tracer> tracer, JsonMapper jsonMapper) {
        return new Problems(tracer, jsonMapper);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(Problems problems) {
        return new ProblemDetailsAdvice(problems);
    }

    @Bean
    ProblemErrorController problemErrorController(Problems problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${colmena.web.max-body-size:1MB}") DataSize maxBodySize, Problems problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

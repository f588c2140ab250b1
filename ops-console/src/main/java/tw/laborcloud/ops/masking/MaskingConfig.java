package tw.laborcloud.ops.masking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration
class MaskingConfig {

    @Bean
    PayloadMasker payloadMasker(JsonMapper json) {
        return new PayloadMasker(json);
    }
}

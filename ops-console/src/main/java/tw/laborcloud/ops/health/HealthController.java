package tw.laborcloud.ops.health;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "健康狀態", description = "各服務與基礎設施之健康狀態")
@RestController
class HealthController {

    private final HealthProbes probes;

    HealthController(HealthProbes probes) {
        this.probes = probes;
    }

    /** @param up true when every probe is UP */
    record SystemHealth(boolean up, List<HealthProbes.Probe> probes) {
    }

    @Operation(summary = "整體健康狀態", description = "各服務、Kafka、MongoDB、Keycloak 與 SMTP 之探測結果。")
    @GetMapping("/api/ops/health")
    SystemHealth health() {
        List<HealthProbes.Probe> results = probes.probeAll();
        return new SystemHealth(results.stream().allMatch(p -> p.state() == HealthProbes.State.UP), results);
    }
}

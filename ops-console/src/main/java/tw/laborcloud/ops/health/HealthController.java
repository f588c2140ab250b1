package tw.laborcloud.ops.health;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    private final HealthProbes probes;

    HealthController(HealthProbes probes) {
        this.probes = probes;
    }

    /** @param up true when every probe is UP */
    record SystemHealth(boolean up, List<HealthProbes.Probe> probes) {
    }

    @GetMapping("/api/ops/health")
    SystemHealth health() {
        List<HealthProbes.Probe> results = probes.probeAll();
        return new SystemHealth(results.stream().allMatch(p -> p.state() == HealthProbes.State.UP), results);
    }
}

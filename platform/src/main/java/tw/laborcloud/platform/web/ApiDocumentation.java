package tw.laborcloud.platform.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What every service's OpenAPI description shares (springdoc builds the rest from the controllers at
 * {@code /v3/api-docs}): the title and description of the service in Traditional Chinese, the Keycloak
 * bearer token, and the one error shape of the project, RFC 9457 problem details as
 * {@link ProblemDetailsAdvice} writes them, as every operation's {@code default} answer. The server is the
 * gateway ({@code /}), through which integrators call; internal paths are not described.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocumentation {

    public static final String PROBLEM = "Problem";
    public static final String BEARER = "keycloak";

    @Bean
    OpenApiCustomizer laborcloudApiDocumentation(@Value("${laborcloud.api.title:${spring.application.name}}") String title,
            @Value("${laborcloud.api.description:}") String description,
            @Value("${laborcloud.api.token:required}") String token) {
        return api -> describe(api, title, description, token);
    }

    /** {@code token}: whether the service's operations need a Keycloak token: required, optional or none. */
    static void describe(OpenAPI api, String title, String description, String token) {
        api.info(new Info().title(title).version("v1").description(description.isBlank() ? null : description));
        api.servers(List.of(new Server().url("/").description("經由入口閘道（gateway）呼叫")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("Keycloak 簽發的存取權杖（laborcloud realm）。"
                        + "工會帳號之權杖僅能存取自身資料；審查人員須具 reviewer 或 approver 角色。"));
        components.addSchemas(PROBLEM, problemSchema());
        Map<String, PathItem> paths = api.getPaths() == null ? Map.of() : api.getPaths();
        for (PathItem path : paths.values()) {
            for (Operation operation : path.readOperations()) {
                operation.getResponses().putIfAbsent("default", new ApiResponse()
                        .description("拒絕或錯誤：RFC 9457 problem details，欄位錯誤列於 errors")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        }
        SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
        switch (token) {
            case "none" -> api.security(null);
            // an empty requirement first: the operation is also open without a token
            case "optional" -> api.security(List.of(new SecurityRequirement(), bearer));
            case "required" -> api.security(List.of(bearer));
            default -> throw new IllegalStateException("laborcloud.api.token is required, optional or none, not " + token);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Map<String, Schema> fieldViolation = new TreeMap<>();
        fieldViolation.put("field", new StringSchema().description("出錯的欄位（JSON 路徑）；null 表示不屬於單一欄位"));
        fieldViolation.put("message", new StringSchema().description("給使用者看的說明（正體中文）"));
        Map<String, Schema> properties = new TreeMap<>();
        properties.put("type", new StringSchema().description("問題類型的 URI（未指定時為 about:blank）"));
        properties.put("title", new StringSchema().description("HTTP 狀態的簡短名稱"));
        properties.put("status", new IntegerSchema().description("HTTP 狀態碼"));
        properties.put("detail", new StringSchema().description("給使用者看的說明（正體中文）"));
        properties.put("instance", new StringSchema().description("出錯的請求路徑"));
        properties.put("code", new StringSchema().description("供程式判斷的錯誤代碼，例如 VALIDATION_FAILED、RATE_LIMITED"));
        properties.put("correlationId", new StringSchema().description("本次請求的追蹤編號，洽詢時請提供"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema().properties(fieldViolation))
                .description("逐欄的錯誤，最多 " + ProblemDetailsAdvice.MAX_ERRORS + " 筆"));
        properties.put("moreErrors", new IntegerSchema().description("未列出的其餘錯誤筆數"));
        return new ObjectSchema().properties(properties).description("RFC 9457 problem details：所有拒絕與錯誤的共同格式");
    }
}

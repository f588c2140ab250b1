<#-- Below every login page (Keycloak's hook for custom themes): how unions log in, and the way back to the portal. -->
<#macro content>
  <div id="laborcloud-help" class="laborcloud-help">
    <p>${msg("laborcloudUnionHint")}</p>
    <p>${msg("laborcloudStaffHint")}</p>
    <#if client?? && client.baseUrl?has_content>
      <p class="laborcloud-links">
        <a id="laborcloud-register" href="${client.baseUrl?remove_ending("/")}/register/index.html">${msg("laborcloudRegister")}</a>
        <a id="laborcloud-home" href="${client.baseUrl}">${msg("laborcloudBackToPortal")}</a>
      </p>
    </#if>
  </div>
</#macro>

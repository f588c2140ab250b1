<#-- Below every staff login page: who this page is for, and the way back for a union that came here by mistake. -->
<#macro content>
  <div id="laborcloud-help" class="laborcloud-help">
    <p>${msg("laborcloudStaffOnly")}</p>
    <p>${msg("laborcloudUnionElsewhere")}</p>
    <#if client?? && client.baseUrl?has_content>
      <p class="laborcloud-links">
        <a id="laborcloud-home" href="${client.baseUrl}">${msg("laborcloudBackToPortal")}</a>
      </p>
    </#if>
  </div>
</#macro>

@{
    RootModule           = 'GosApi.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6c0f7a0e-2f4b-4d8e-9d55-3b0a8a6f1c21'
    Author               = 'GosApi contributors'
    CompanyName          = 'GosApi'
    Copyright            = '(c) GosApi contributors. MIT License.'
    Description          = 'Drive EPGU (Gosuslugi), ИС «Электронный сертификат», ФНС «Мобильная подпись» and УЦ «Основание» APIs from PowerShell.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('GosApi.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Epgu'
        'New-EpguOrder'
        'New-EpguPackage'
        'Test-EpguPackage'
        'Send-EpguPackage'
        'Get-EpguOrder'
        'Get-EpguOrderStatus'
        'Wait-EpguOrder'
        'Stop-EpguOrder'
        'Save-EpguOrderFile'
        'Get-EpguDictionary'
        'Get-GostHash'
        'New-GostCertificateRequest'
        'New-GostSelfSignedCertificate'
        'Import-GostCertificate'
        'New-GostSigner'
        'New-GostSignature'
        'Test-GostSignature'
        'ConvertTo-CanonicalJson'
        'New-DetachedJws'
        'Test-DetachedJws'
        'Connect-ElectronicCertificateService'
        'New-ElectronicCertificate'
        'Set-ElectronicCertificate'
        'Block-ElectronicCertificate'
        'Get-ElectronicCertificate'
        'Get-ElectronicCertificateTask'
        'Receive-ElectronicCertificateTaskResult'
        'Wait-ElectronicCertificateTask'
        'Connect-FnsMobileSign'
        'New-FnsWorkflow'
        'Invoke-FnsSigning'
        'Get-FnsWorkflow'
        'Wait-FnsWorkflow'
        'Set-FnsWorkflowState'
        'Remove-FnsWorkflow'
        'Find-FnsIdentification'
        'Get-FnsWorkflowDocument'
        'Save-FnsDocument'
        'ConvertFrom-FnsCallback'
        'Receive-FnsCallback'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Gosuslugi', 'EPGU', 'ESIA', 'GOST', 'Russia', 'API')
            ProjectUri = ''
        }
    }
}

// The analyzer assembly's domains, which the fixes share with the analyzers.
global using TlsMinAnalyzer.Certificates;
global using TlsMinAnalyzer.Config;
global using TlsMinAnalyzer.Flow;
global using TlsMinAnalyzer.Infrastructure;
global using TlsMinAnalyzer.Mail;
global using TlsMinAnalyzer.Operations;
global using TlsMinAnalyzer.Protocols;
global using TlsMinAnalyzer.Switches;

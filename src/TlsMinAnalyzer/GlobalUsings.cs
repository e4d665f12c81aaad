// The analyzer's domains, one folder and namespace each (see the README's layout table). Every rule and engine uses several.
global using TlsMinAnalyzer.Certificates;
global using TlsMinAnalyzer.Config;
global using TlsMinAnalyzer.Flow;
global using TlsMinAnalyzer.Infrastructure;
global using TlsMinAnalyzer.Mail;
global using TlsMinAnalyzer.Operations;
global using TlsMinAnalyzer.Protocols;
global using TlsMinAnalyzer.Switches;

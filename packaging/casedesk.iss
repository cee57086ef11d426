; Inno Setup 6 script: the Windows installer of the frozen folder dist\CaseDesk
; (packaging/README.md, "Windows"). Per-user: no administrator rights, installed under
; %LOCALAPPDATA%\Programs\CaseDesk. The data folder %LOCALAPPDATA%\CaseDesk (database,
; backups, attachments, logs) is never installed into, listed for removal, or touched.
;
;   py packaging\stamp_version.py          (writes build\version.iss from setup.cfg)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\casedesk.iss
;   -> build\installer\CaseDesk-<version>-setup.exe

#include "..\build\version.iss"
#ifndef AppVersion
  #error build\version.iss has no AppVersion: run packaging\stamp_version.py first
#endif
#define AppExe "CaseDesk.exe"

[Setup]
; The AppId names this program for upgrades and the uninstaller: never change it.
AppId={{6F1C2D0B-3C5E-4A8E-9B7D-CA5EDE5C0017}
AppName=CaseDesk 信访与调解案件管理
AppVersion={#AppVersion}
AppVerName=CaseDesk {#AppVersion}
AppPublisher=CaseDesk
VersionInfoVersion={#AppVersion}.0
DefaultDirName={localappdata}\Programs\CaseDesk
DefaultGroupName=CaseDesk
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\build\installer
OutputBaseFilename=CaseDesk-{#AppVersion}-setup
SetupIconFile=..\build\icons\casedesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=CaseDesk 信访与调解案件管理
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running CaseDesk is asked to close before files are replaced (upgrade, uninstall).
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; Inno Setup without its Chinese messages file: the wizard speaks English (README).
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder, so no module or migration of an older
; version stays behind. Only the program's own subfolder: never {app} as a whole.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\CaseDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CaseDesk 信访与调解案件管理"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\CaseDesk 信访与调解案件管理"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,CaseDesk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [UninstallRun]: the uninstaller removes exactly the files listed
; above, and the data folder is not among them.

[Code]
{ The program folder must not be the data folder (or inside it, or hold it): an upgrade
  empties {app}\_internal and the uninstaller removes the program's files. }
function DataFolder(): String;
begin
  Result := AddBackslash(ExpandConstant('{localappdata}')) + 'CaseDesk';
end;

function Inside(Path, Folder: String): Boolean;
begin
  Path := Lowercase(AddBackslash(Path));
  Folder := Lowercase(AddBackslash(Folder));
  Result := Copy(Path, 1, Length(Folder)) = Folder;
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Dir: String;
begin
  Result := True;
  if CurPageID = wpSelectDir then
  begin
    Dir := WizardDirValue();
    if Inside(Dir, DataFolder()) or Inside(DataFolder(), Dir) then
    begin
      MsgBox('不能安装到数据文件夹 ' + DataFolder() + ' 中，也不能安装到包含它的文件夹：' +
             '请选择其他文件夹（默认：' + ExpandConstant('{localappdata}') + '\Programs\CaseDesk）。',
             mbError, MB_OK);
      Result := False;
    end;
  end;
end;

// The tiaoli extension: starts `tiaoli lsp` and hands it the .tiaoli files.
// Highlighting without the server comes from syntaxes/tiaoli.tmLanguage.json.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('tiaoli');
  const command = config.get('server.path') || 'tiaoli';
  const serverOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'tiaoli' },
      { scheme: 'untitled', language: 'tiaoli' },
    ],
    initializationOptions: {
      lint: config.get('lint'),
      lintAllow: config.get('lintAllow'),
      paths: config.get('paths'),
    },
    synchronize: {
      configurationSection: 'tiaoli',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.tiaoli'),
    },
  };
  client = new LanguageClient('tiaoli', 'tiaoli 条例', serverOptions, clientOptions);
  context.subscriptions.push(client);
  client.start().catch((e) => {
    vscode.window.showErrorMessage(
      `无法启动 tiaoli 语言服务器（${command} lsp）：${e.message}。请安装 tiaoli，或在设置 tiaoli.server.path 中给出其路径。`
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

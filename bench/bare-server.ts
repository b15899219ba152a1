/**
 * The ceiling: plain node:http answering fixed bytes, as fast as this machine serves anything. It
 * sends the status line, headers and body the measured server sent (bench/run.ts passes them), so
 * both answer with the same bytes.
 */
import fs from 'node:fs';
import http from 'node:http';

const [file, port, headersFile] = process.argv.slice(2);
const body = fs.readFileSync(file);
const headers: string[] = headersFile ? JSON.parse(fs.readFileSync(headersFile, 'utf8')) : ['content-type', 'application/json; charset=utf-8'];
headers.push('content-length', String(body.length));
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, headers);
      res.end(body);
    });
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('ready'));

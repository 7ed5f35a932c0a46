// Side-effect style imports (`import './styles/app.css'`) are bundled by Vite.
declare module '*.css';

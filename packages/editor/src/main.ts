/** Entry point of the editor page: global styles, then the workbench (which loads Monaco lazily). */

import "./styles/workbench.css";
import "./components/gavel-workbench";
